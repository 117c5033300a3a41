package org.tongxin.insight.internal;

import static org.tongxin.insight.internal.PublicityKinds.ITEM;
import static org.tongxin.insight.internal.PublicityKinds.READ;
import static org.tongxin.insight.internal.PublicityKinds.SHARE;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.publicity.ItemPublication;
import org.tongxin.publicity.ItemRead;
import org.tongxin.publicity.ItemShares;
import org.tongxin.publicity.PublicityHistory;

/**
 * Publicity's records as facts: each published item an interval until withdrawn in its unit, each read a point in the
 * reader's unit (an anonymous reader's in the item's unit), each day's shares on a channel a point valued by their
 * count in the item's unit.
 */
@Component
class PublicityFacts implements Source {

    private final Facts facts;
    private final PublicityHistory history;

    PublicityFacts(Facts facts, PublicityHistory history) {
        this.facts = facts;
        this.history = history;
    }

    @Override
    public void replay() {
        history.replayItems(this::apply);
        history.replayReads(this::apply);
        history.replayShares(this::apply);
    }

    @ApplicationModuleListener
    void on(ItemPublication item) {
        apply(item);
    }

    @ApplicationModuleListener
    void on(ItemRead read) {
        apply(read);
    }

    @ApplicationModuleListener
    void on(ItemShares shares) {
        apply(shares);
    }

    void apply(ItemPublication item) {
        List<Fact> list = item.publishedOn() == null ? List.of()
                : List.of(new Fact(ITEM, Long.toString(item.itemId()), item.unitId(), null, item.kind(),
                        item.publishedOn(), item.withdrawnOn(), null, null, null));
        facts.replace("item:" + item.itemId(), item.version(), list);
    }

    void apply(ItemRead read) {
        String id = read.itemId() + ":" + read.reader();
        boolean staff = read.readerUnitId() != null;
        facts.replace("read:" + id, read.version(), List.of(Fact.point(READ, id,
                staff ? read.readerUnitId() : read.itemUnitId(), null,
                staff ? PublicityKinds.STAFF : PublicityKinds.PUBLIC, read.readOn(), null)));
    }

    void apply(ItemShares shares) {
        String id = shares.itemId() + ":" + shares.channel() + ":" + shares.day();
        List<Fact> list = shares.count() == 0 ? List.of()
                : List.of(Fact.point(SHARE, id, shares.unitId(), null, shares.channel(), shares.day(),
                        BigDecimal.valueOf(shares.count())));
        facts.replace("share:" + id, shares.version(), list);
    }
}
