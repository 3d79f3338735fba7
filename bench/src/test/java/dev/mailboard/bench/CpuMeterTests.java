package dev.mailboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTests {

    @Test
    void chargesTheWorkOfAProcessToEachUnit() throws Exception {
        CpuMeter meter = CpuMeter.start(ProcessHandle.current());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 16];
        // about a quarter of a second of one core's work
        for (int i = 0; i < 2_000; i++) {
            block[0] = sha.digest(block)[0];
        }

        Map<String, Object> use = meter.stop(10, "blocks");

        assertThat(use).containsEntry("units", "10 blocks");
        // the bench process is the measured process here, so it counts as both
        assertThat((double) use.get("mailboardCpuMsPerUnit")).isPositive();
        assertThat((double) use.get("machineCpuMsPerUnit")).isPositive();
        assertThat((double) use.get("machineBusyShare")).isBetween(0.0, 1.01);
        assertThat((double) use.get("machineCeilingPerSecond")).isPositive();
    }
}
