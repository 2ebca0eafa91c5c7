package org.fcredirect.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.fastpath.api.FastPathStatus;
import org.fcredirect.fastpath.api.ReplayListener;
import org.fcredirect.fastpath.api.ReplayResult;
import org.fcredirect.fastpath.api.TrafficSpec;
import org.fcredirect.fastpath.api.TrafficState;
import org.fcredirect.fastpath.api.TrafficStatus;
import org.junit.jupiter.api.Test;

class DemoTrafficTest {

    /** Records the generator calls; everything else is out of the demo's business. */
    static final class FakeFastPath implements FastPath {
        TrafficSpec started;
        TrafficState state = TrafficState.IDLE;
        int stops;

        @Override
        public FastPathStatus status() {
            throw new UnsupportedOperationException("the demo does not read the status");
        }

        @Override
        public TrafficStatus startTraffic(TrafficSpec spec) {
            started = spec;
            state = TrafficState.RUNNING;
            return traffic();
        }

        @Override
        public TrafficStatus stopTraffic() {
            stops++;
            state = TrafficState.STOPPED;
            return traffic();
        }

        @Override
        public TrafficStatus traffic() {
            return new TrafficStatus(state, Optional.empty(), "", Optional.empty(), Duration.ZERO, 0, 0, 0, 0, 0, 0, 0, 0,
                    0, 0, 0, 0, Optional.empty());
        }

        @Override
        public TrafficStatus awaitTraffic(Duration timeout) {
            return traffic();
        }

        @Override
        public ReplayResult replay(Path input, Path output, int vsan, ReplayListener listener) {
            throw new UnsupportedOperationException("the demo does not replay");
        }
    }

    static DemoConfig config(boolean enabled, String traffic) {
        return new DemoConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DemoConfig.class;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String traffic() {
                return traffic;
            }
        };
    }

    private final FakeFastPath fastPath = new FakeFastPath();
    private final DemoTraffic demo = new DemoTraffic();

    DemoTrafficTest() {
        demo.fastPath = fastPath;
    }

    @Test
    void startsTheDefaultTrafficAndStopsItWithTheBundle() {
        demo.activate(config(true, DemoTraffic.DEFAULT_TRAFFIC));
        assertEquals(2, fastPath.started.vsans());
        assertEquals(100, 2 * fastPath.started.initiatorsPerVsan() * fastPath.started.flowsPerInitiator());
        assertEquals(20_000, fastPath.started.framesPerSecond());
        demo.deactivate();
        assertEquals(1, fastPath.stops);
    }

    @Test
    void disabledStartsNothing() {
        demo.activate(config(false, DemoTraffic.DEFAULT_TRAFFIC));
        demo.deactivate();
        assertNull(fastPath.started);
        assertEquals(0, fastPath.stops);
    }

    @Test
    void leavesAnOperatorsTrafficAlone() {
        fastPath.state = TrafficState.RUNNING;
        demo.activate(config(true, DemoTraffic.DEFAULT_TRAFFIC));
        demo.deactivate();
        assertNull(fastPath.started);
        assertEquals(0, fastPath.stops);
    }

    @Test
    void aBadSettingFailsActivationNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> demo.activate(config(true, "vsans=two")));
        assertEquals(true, e.getMessage().contains("vsans"), e.getMessage());
    }
}
