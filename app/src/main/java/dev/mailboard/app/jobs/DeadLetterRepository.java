package dev.mailboard.app.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores jobs that were given up, with their command, until an admin replays them. */
@Repository
class DeadLetterRepository {

    private static final String COLUMNS = "id, job_type, dedupe_key, attempts, reason, failed_at, replayed_at";

    private final JdbcClient jdbc;

    DeadLetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(JobEnvelope job, String reason, Instant now) {
        jdbc.sql("insert into job_dead_letter (job_type, payload, dedupe_key, attempts, reason, failed_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        job.type(),
                        job.payload(),
                        job.dedupeKey(),
                        job.attempts(),
                        truncate(reason),
                        Timestamp.from(now))
                .update();
    }

    List<DeadLetterView> findRecent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from job_dead_letter order by id desc limit ?")
                .param(limit)
                .query(DeadLetterRepository::view)
                .list();
    }

    long countUnreplayed() {
        return jdbc.sql("select count(*) from job_dead_letter where replayed_at is null")
                .query(Long.class)
                .single();
    }

    Optional<JobEnvelope> findForReplay(long id) {
        return jdbc.sql(
                        "select job_type, payload, dedupe_key from job_dead_letter where id = ? and replayed_at is null")
                .param(id)
                .query((rs, n) -> new JobEnvelope(rs.getString(1), rs.getString(2), rs.getString(3), 0))
                .optional();
    }

    void markReplayed(long id, Instant now) {
        jdbc.sql("update job_dead_letter set replayed_at = ? where id = ?")
                .params(Timestamp.from(now), id)
                .update();
    }

    private static String truncate(String reason) {
        return reason.length() <= 2000 ? reason : reason.substring(0, 2000);
    }

    private static DeadLetterView view(ResultSet rs, int row) throws SQLException {
        Timestamp replayed = rs.getTimestamp("replayed_at");
        return new DeadLetterView(
                rs.getLong("id"),
                rs.getString("job_type"),
                rs.getString("dedupe_key"),
                rs.getInt("attempts"),
                rs.getString("reason"),
                rs.getTimestamp("failed_at").toInstant(),
                replayed == null ? null : replayed.toInstant());
    }
}
