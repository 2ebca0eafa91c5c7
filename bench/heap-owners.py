"""Which fields hold the big primitive arrays of a heap dump, and how much: class.field -> MB.

    jmap -dump:live,format=b,file=/tmp/heap.hprof PID
    python3 bench/heap-owners.py /tmp/heap.hprof [min-bytes, default 1 MiB]

Reads HPROF 1.0.2 with 8-byte ids (a 64-bit JVM's jmap); the whole file is read into memory.
"""
import struct, sys, collections
path = sys.argv[1]; MIN = int(sys.argv[2]) if len(sys.argv) > 2 else 1 << 20
f = open(path, 'rb'); data = f.read()
p = data.index(b'\0') + 1
IDS = struct.unpack('>I', data[p:p+4])[0]; p += 12
assert IDS == 8
SZ = {2: 8, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
TN = {4:'boolean',5:'char',6:'float',7:'double',8:'byte',9:'short',10:'int',11:'long'}
u4 = lambda o: struct.unpack_from('>I', data, o)[0]
u2 = lambda o: struct.unpack_from('>H', data, o)[0]
idv = lambda o: struct.unpack_from('>Q', data, o)[0]
strings = {}; classname = {}; classes = {}; big = {}; instances = []; objarrays = []
def heap(o, end):
    while o < end:
        t = data[o]; o += 1
        if t == 0xFF: o += 8
        elif t == 0x01: o += 16
        elif t in (0x02, 0x03, 0x08): o += 16
        elif t in (0x04, 0x06): o += 12
        elif t in (0x05, 0x07): o += 8
        elif t == 0x20:
            cid = idv(o); sup = idv(o + 16); o += 7 * 8 + 4 + 4
            n = u2(o); o += 2
            for _ in range(n):
                ty = data[o + 2]; o += 3 + SZ[ty]
            n = u2(o); o += 2
            for _ in range(n):
                ty = data[o + 8]; o += 9 + SZ[ty]
            n = u2(o); o += 2; fields = []
            for _ in range(n):
                fields.append((idv(o), data[o + 8])); o += 9
            classes[cid] = (sup, fields)
        elif t == 0x21:
            oid = idv(o); cid = idv(o + 12); n = u4(o + 20); instances.append((oid, cid, o + 24)); o += 24 + n
        elif t == 0x22:
            oid = idv(o); n = u4(o + 12); objarrays.append((oid, o + 24, n)); o += 24 + n * 8
        elif t == 0x23:
            oid = idv(o); n = u4(o + 12); ty = data[o + 16]; size = n * SZ[ty]
            if size >= MIN: big[oid] = (TN[ty], n, size)
            o += 17 + size
        else: raise Exception('sub-record %x at %d' % (t, o))
while p < len(data):
    tag = data[p]; length = u4(p + 5); body = p + 9
    if tag == 0x01: strings[idv(body)] = data[body + 8: body + length].decode('utf-8', 'replace')
    elif tag == 0x02: classname[idv(body + 4)] = idv(body + 16)
    elif tag in (0x0C, 0x1C): heap(body, body + length)
    p = body + length
name = lambda cid: strings.get(classname.get(cid), '?').replace('/', '.')
owner = collections.defaultdict(list)
for oid, cid, o in instances:
    c = cid
    while c in classes:
        sup, fields = classes[c]
        for fname, ty in fields:
            if ty == 2:
                r = idv(o)
                if r in big: owner[r].append(name(cid).split('.')[-1] + '.' + strings.get(fname, '?'))
            o += SZ[ty]
        c = sup
for oid, o, n in objarrays:
    for i in range(n):
        r = idv(o + 8 * i)
        if r in big: owner[r].append('Object[]')
tot = collections.Counter(); cnt = collections.Counter()
for oid, (ty, n, size) in big.items():
    k = ty + '[] ' + ','.join(sorted(set(owner.get(oid, ['?']))))
    tot[k] += size; cnt[k] += 1
for k, v in tot.most_common(): print(f"{v/1e6:8.1f} MB  x{cnt[k]:<3} {k}")
print(f"{sum(tot.values())/1e6:8.1f} MB in arrays of {MIN} bytes or more")
