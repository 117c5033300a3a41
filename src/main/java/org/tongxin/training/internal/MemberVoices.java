package org.tongxin.training.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tongxin.training.MemberVoice;

/** The member voice for training's views: what the voice module tells, or nothing when it is not there. */
@Component
public class MemberVoices {

    private final List<MemberVoice> sources;

    MemberVoices(List<MemberVoice> sources) {
        this.sources = sources;
    }

    public Map<Long, MemberVoice.Evaluation> evaluations(Collection<Long> employeeIds) {
        Map<Long, MemberVoice.Evaluation> out = new HashMap<>();
        sources.forEach(s -> out.putAll(s.evaluations(employeeIds)));
        return out;
    }

    public Map<Long, Integer> adoptedSuggestions(Collection<Long> employeeIds) {
        Map<Long, Integer> out = new HashMap<>();
        sources.forEach(s -> s.adoptedSuggestions(employeeIds).forEach((k, v) -> out.merge(k, v, Integer::sum)));
        return out;
    }
}
