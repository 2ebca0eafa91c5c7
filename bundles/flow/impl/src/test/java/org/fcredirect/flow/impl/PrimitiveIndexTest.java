package org.fcredirect.flow.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The open-addressing structures against java.util references, under random inserts and removals. */
class PrimitiveIndexTest {

    @Test
    void longLongMapBehavesLikeAHashMap() {
        Random random = new Random(42);
        LongLongMap map = new LongLongMap();
        Map<Long, Long> reference = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            long key = random.nextInt(5_000) * 0x1_0000_0001L;
            if (random.nextInt(3) == 0) {
                assertEquals(reference.getOrDefault(key, LongLongMap.MISSING), map.remove(key));
                reference.remove(key);
            } else {
                map.put(key, i);
                reference.put(key, (long) i);
            }
        }
        assertEquals(reference.size(), map.size());
        reference.forEach((k, v) -> assertEquals(v, map.get(k)));
        Map<Long, Long> visited = new HashMap<>();
        map.forEach(visited::put);
        assertEquals(reference, visited);
    }

    private record Key(int vsan, long initiator, long target, int lun) {
    }

    @Test
    void flowTableIndexesFollowAppendsDeletesAndCompaction() {
        Random random = new Random(7);
        FlowTable table = new FlowTable(16);
        Map<Key, Long> reference = new HashMap<>();
        List<Key> live = new ArrayList<>();
        long nextId = 1;
        for (int round = 0; round < 20_000; round++) {
            if (live.isEmpty() || random.nextInt(5) < 3) {
                Key k = new Key(1 + random.nextInt(3), random.nextInt(40), 1000 + random.nextInt(40), random.nextInt(3) - 1);
                if (reference.containsKey(k)) {
                    continue;
                }
                int slot = table.append(nextId, k.vsan, k.initiator, k.target, k.lun);
                table.c.state[slot] = 0;
                reference.put(k, nextId++);
                live.add(k);
            } else {
                Key k = live.remove(random.nextInt(live.size()));
                table.delete(table.slotOf(reference.remove(k)));
                table.compactIfSparse();
            }
        }
        assertEquals(reference.size(), table.liveCount());
        reference.forEach((k, id) -> assertEquals(id, table.c.id[table.find(k.vsan, k.initiator, k.target, k.lun)]));
        for (int vsan = 1; vsan <= 3; vsan++) {
            for (long port = 0; port < 1040; port += port == 39 ? 961 : 1) {
                Set<Long> expected = new HashSet<>();
                for (Map.Entry<Key, Long> e : reference.entrySet()) {
                    if (e.getKey().vsan == vsan && (e.getKey().initiator == port || e.getKey().target == port)) {
                        expected.add(e.getValue());
                    }
                }
                Set<Long> found = new HashSet<>();
                table.forEachFlowOf(vsan, port, s -> found.add(table.c.id[s]));
                assertEquals(expected, found, "flows of port " + port + " in VSAN " + vsan);
            }
        }
    }
}
