package org.tongxin.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** ASVS V7.3.3 / 等保 8.1.4.3: the audit trail is append-only and a change behind the database's back is found. */
class AuditChainTests extends IntegrationTestSupport {

    @Autowired
    AuditTrail audit;
    @Autowired
    PlatformTransactionManager transactions;

    private Viewer admin() {
        return Fixtures.admin(fixtures.adminAccountId());
    }

    private long write(String summary) {
        audit.record(admin(), "audit.verify", "test", null, null, summary, null, Map.of("k", summary));
        return jdbc.sql("SELECT max(id) FROM audit_event WHERE summary = ?").param(summary).query(Long.class).single();
    }

    @Test
    void verifyingSealsNewRowsIntoAnIntactChain() {
        long id = write("chain-intact");
        assertThat(jdbc.sql("SELECT seq FROM audit_event WHERE id = ?").param(id).query(Long.class).optional())
                .as("written, not yet sealed").isEmpty();
        AuditTrail.Verification v = audit.verify();
        assertThat(v.firstBreak()).isEmpty();
        assertThat(v.headHash()).hasSize(64);
        Map<String, Object> row = jdbc.sql("SELECT seq, encode(row_hash, 'hex') AS hash FROM audit_event WHERE id = ?")
                .param(id).query().singleRow();
        assertThat(row.get("seq")).isNotNull();
        assertThat(v.rows()).isGreaterThanOrEqualTo(((Number) row.get("seq")).longValue());
    }

    @Test
    void aRowChangedOrRemovedBehindTheTriggersBackIsNamed() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            long changed = write("chain-to-change");
            long removed = write("chain-to-remove");
            long after = write("chain-after-removed");
            assertThat(audit.verify().firstBreak()).isEmpty();
            // What someone with the database's owner rights could do: switch the triggers off for the session.
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql("UPDATE audit_event SET summary = 'nothing happened' WHERE id = ?").param(changed).update();
            AuditTrail.Break broken = audit.verify().firstBreak().orElseThrow();
            assertThat(broken.id()).isEqualTo(changed);
            assertThat(broken.problem()).isEqualTo("HASH");

            jdbc.sql("UPDATE audit_event SET summary = 'chain-to-change' WHERE id = ?").param(changed).update();
            assertThat(audit.verify().firstBreak()).as("restored").isEmpty();
            jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(removed).update();
            broken = audit.verify().firstBreak().orElseThrow();
            assertThat(broken.id()).isEqualTo(after);
            assertThat(broken.problem()).isEqualTo("GAP");
            status.setRollbackOnly();
        });
        assertThat(audit.verify().firstBreak()).isEmpty();
    }

    @Test
    void theDatabaseRefusesEveryChangeButTheSealersOwn() {
        long id = write("chain-refuse");
        audit.verify();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET summary = 'x' WHERE id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET row_hash = NULL, seq = NULL, prev_hash = NULL "
                + "WHERE id = ?").param(id).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void concurrentWritersAndSealersChainEveryRowOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        write("chain-concurrent-" + thread + "-" + i);
                        audit.seal();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(audit.verify().firstBreak()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE summary LIKE 'chain-concurrent-%' AND seq IS NULL")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(DISTINCT seq) FROM audit_event WHERE summary LIKE 'chain-concurrent-%'")
                .query(Long.class).single()).isEqualTo(40);
    }

    @Test
    void theCommitteeChecksFromTheAuditPageAndTheCheckIsAudited() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'audit.verify' AND target_type = 'audit'")
                .query(Long.class).single();
        String page = mvc.perform(post("/admin/audit/verify").with(csrf()).with(Fixtures.as(admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"audit-intact\"").doesNotContain("audit-broken");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'audit.verify' AND target_type = 'audit'")
                .query(Long.class).single()).isEqualTo(before + 1);
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("审计校验工会");
        mvc.perform(post("/admin/audit/verify").with(csrf())
                        .with(Fixtures.as(Fixtures.officer(fixtures.adminAccountId(), unit.unit().id()))))
                .andExpect(status().isForbidden());
    }
}
