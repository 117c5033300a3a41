package org.tongxin.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.tongxin.identity.AccountSetup;
import org.tongxin.live.LiveSetup;
import org.tongxin.live.LiveSetup.StreamFile;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup.HrRow;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.training.TrainingSetup;

/**
 * Live sessions of the demo toll station, organised and presented by its chair:
 * <ul>
 * <li>two days ago, a two-minute session for the station's people, really pushed through the ingest from the files
 * under {@code demo/live/} (the shipped reading-room clip looped to two minutes as fMP4 HLS, made with {@code ffmpeg
 * -stream_loop 14 -i demo/publicity/reading-room.mp4 -t 120 -c copy -f hls -hls_time 8 -hls_list_size 0
 * -hls_playlist_type vod -hls_segment_type fmp4 -hls_fmp4_init_filename init.mp4 -hls_segment_filename
 * 'live%d.m4s' live.m3u8}), now a replay; about half the station watched it live, for as long as each did, some of
 * them topped up with the replay, by heartbeats credited the way a phone's are; a few chat messages and two
 * questions, one answered. The demo employee has not watched: the replay is theirs to try.</li>
 * <li>in three days, an hour's fire-safety session that counts toward a new station course, so the course shows
 * it as a live lesson; the station's people have their invitation in the inbox.</li>
 * </ul>
 */
@Component
class LiveDemo {

    private static final int SEGMENTS = 15;

    private final LiveSetup live;
    private final TrainingSetup training;
    private final AccountSetup accounts;
    private final OrgDirectory directory;
    private final long seed;

    LiveDemo(LiveSetup live, TrainingSetup training, AccountSetup accounts, OrgDirectory directory,
             @Value("${tongxin.demo.seed:2026}") long seed) {
        this.live = live;
        this.training = training;
        this.accounts = accounts;
        this.directory = directory;
        this.seed = seed;
    }

    /**
     * @param demoLogins the demo officer, employee and committee member, in that order
     */
    void load(long stationId, List<HrRow> demoLogins) {
        Random random = new Random(seed * 17 + 9);
        HrRow officerRow = demoLogins.get(0);
        long officerEmployee = directory.employeeIdForLogin(officerRow.employeeNo()).orElseThrow();
        long demoEmployee = directory.employeeIdForLogin(demoLogins.get(1).employeeNo()).orElseThrow();
        long officerAccount = accounts.accountId(officerRow.employeeNo());
        Viewer officer = new Viewer(officerAccount, officerEmployee, officerRow.name(),
                Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(stationId), Set.of(), false);
        List<Long> people = new ArrayList<>(directory.activeEmployeesInSubtree(stationId));
        people.remove(demoEmployee);
        people.remove(officerEmployee);

        // Two days ago at 08:30, before the day shift: two minutes, 80 % to count as attended.
        OffsetDateTime start = LocalDate.now().minusDays(2).atTime(8, 30).atZone(ZoneId.systemDefault())
                .toOffsetDateTime();
        long past = live.schedule(officer, "两分钟学会职工书屋扫码借书（直播）",
                "站里的职工书屋开通了扫码借书：站长现场演示怎么找书、扫码借阅、到期续借和异地归还。错过了可以看回放。",
                stationId, officerAccount, start, start.plusMinutes(2), "SUBTREE", stationId, List.of(), null, 80);
        live.push(officer, past, stream());

        List<Long> viewers = people.subList(0, Math.min(people.size(), 24));
        Map<Long, OffsetDateTime> said = new LinkedHashMap<>();
        List<Long> watchedLive = new ArrayList<>();
        for (long employee : viewers) {
            if (random.nextInt(10) < 7) {
                // Joined in the first half-minute, stayed 30 s to the end.
                int joinS = random.nextInt(30);
                long ms = Math.min(120 - joinS, 30 + random.nextInt(91)) * 1000L;
                live.watch(person(employee), past, false, ms, start.plusSeconds(joinS));
                watchedLive.add(employee);
            }
        }
        String[][] chat = {
                {"站长早！今天人挺齐的", "n"}, {"异地归还是指在别的收费站书屋也能还吗？", "q"},
                {"扫码借书太方便了，点赞", "n"}, {"一次最多能借几本？续借要到书屋去吗？", "q"}, {"学会了，谢谢站长", "n"}};
        List<Long> questions = new ArrayList<>();
        for (int i = 0; i < chat.length && i < watchedLive.size(); i++) {
            long id = live.say(person(watchedLive.get(i)), past, chat[i][0], chat[i][1].equals("q"));
            said.put(id, start.plusSeconds(15 + i * 20L));
            if (chat[i][1].equals("q")) {
                questions.add(id);
            }
        }
        for (int i = chat.length; i < Math.min(watchedLive.size(), chat.length + 3) && !questions.isEmpty(); i++) {
            live.upvote(person(watchedLive.get(i)), questions.getLast());
        }
        if (!questions.isEmpty()) {
            long reply = live.say(officer, past, "对，公司所有职工书屋通借通还，就近还书就行。", false);
            said.put(reply, start.plusSeconds(75));
            live.answered(officer, questions.getFirst());
        }
        live.end(officer, past);

        // The next day, some who had missed part of it (or all) watched the replay.
        OffsetDateTime nextDay = start.plusDays(1).withHour(12);
        for (long employee : viewers) {
            if (random.nextInt(10) < 3) {
                live.watch(person(employee), past, true, (20 + random.nextInt(101)) * 1000L,
                        nextDay.plusMinutes(random.nextInt(240)));
            }
        }
        live.backdate(past, start, start.plusMinutes(2).plusSeconds(5), said);

        long course = training.course(officer, stationId, "安全生产月专题培训",
                "收费站安全生产月的学习：消防安全直播课加一篇应急处置要点，学完计入年度安全培训。", "EMPLOYEES", stationId, null,
                List.of(new TrainingSetup.Lesson("收费站应急处置要点", """
                        遇到车道火情：先报警、再疏散、后处置，不要为了抢救财物延误疏散。
                        灭火器使用口诀：提、拔、握、压——提起灭火器，拔掉保险销，握住喷管对准火焰根部，压下压把。
                        发现可疑危化品车辆：立即关闭车道，上报监控中心，不得擅自检查。""")));
        OffsetDateTime soon = LocalDate.now().plusDays(3).atTime(15, 0).atZone(ZoneId.systemDefault())
                .toOffsetDateTime();
        live.schedule(officer, "安全生产月：收费站消防安全直播课",
                "消防大队教官在线讲解收费站常见火情处置和灭火器、消防栓的使用，直播中可以提问。计入“安全生产月专题培训”。",
                stationId, officerAccount, soon, soon.plusHours(1), "SUBTREE", stationId, List.of(), course, 80);
    }

    private Viewer person(long employeeId) {
        EmployeeSummary e = directory.employee(employeeId).orElseThrow();
        return new Viewer(accounts.accountId(e.employeeNo()), employeeId, e.name(), Set.of(Role.EMPLOYEE), Set.of(),
                Set.of(), false);
    }

    /** The init section, the segments in order and the playlist, as ffmpeg pushed them. */
    private static List<StreamFile> stream() {
        List<StreamFile> files = new ArrayList<>();
        files.add(file("init.mp4"));
        for (int i = 0; i < SEGMENTS; i++) {
            files.add(file("live" + i + ".m4s"));
        }
        files.add(file("live.m3u8"));
        return files;
    }

    private static StreamFile file(String name) {
        try (InputStream in = new ClassPathResource("demo/live/" + name).getInputStream()) {
            return new StreamFile(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
