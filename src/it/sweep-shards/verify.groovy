import groovy.json.JsonSlurper

def read = { new JsonSlurper().parse(new File(basedir, "target/$it/results.json")) }
def whole = read('whole')
def plan = ['sqrt/float32', 'exp/float32']
def labels = { r -> r.cases.collect { "${it.id}/${it.dtype}".toString() } }
assert labels(whole) == plan
def sweep = whole.cases[1]
assert sweep.size == 50331649   // 6 binades of 2^23 floats, and 64 itself
assert whole.cases.every { c -> c.results.every { it.status == 'ok' } }

// The parts: the sqrt case dealt to part 1, the sweep cut into whole chunks of 4194304: 12 full ones
// and a 13th holding 64 alone. Part i of n sweeps chunks floor(13(i-1)/n) to floor(13i/n): 6 + 7 for
// two parts, 4 + 4 + 5 for three.
def chunk = 4194304L
[2: [[0, 6], [6, 13]], 3: [[0, 4], [4, 8], [8, 13]]].each { n, chunks ->
    chunks.eachWithIndex { c, i ->
        def part = read("s$n-${i + 1}")
        assert part.shard.by == 'case+range' && part.shard.planned == plan
        def range = part.shard.sweeps.find { it.label == 'exp/float32' }
        assert range.from == c[0] * chunk && range.to == Math.min(c[1] * chunk, 50331649L) && range.total == 50331649
        assert part.cases.find { it.id == 'exp' }.size == range.to - range.from
        assert (part.cases.find { it.id == 'sqrt' } != null) == (i == 0)
    }
}

// Part 8 of 15 has no dealt case (2 cases: parts 1 and 2) and no chunk (13·7/15 and 13·8/15 both
// round down to 6): an empty part, and a note.
def idle = read('s8-15')
assert idle.cases.isEmpty() && idle.shard.index == 8 && idle.complete
def log = new File(basedir, 'build.log').text
assert log.contains('shard 8/15 has nothing to run')

// Every field of every case equal, the means to the last digit; only the first call's time differs.
def strip = { r -> r.cases.collect { c ->
    def copy = new LinkedHashMap(c)
    copy.results = c.results.collect { b -> b.findAll { k, v -> k != 'firstCallNanos' } }
    copy
} }
['merged-2', 'merged-3'].each { m ->
    def merged = read(m)
    assert merged.shard == null && merged.machines == null && merged.complete
    assert merged.backends*.id == whole.backends*.id
    assert labels(merged) == plan
    assert strip(merged) == strip(whole) : "$m differs from the whole run"
}
println "sweep exp/float32 on jdk: max ulp ${sweep.results[0].accuracy.maxUlp}, mean ${sweep.results[0].accuracy.meanUlp}," +
        " correctly rounded ${sweep.results[0].accuracy.correctlyRounded}; agreement ${sweep.agreement[0].identical}"
return true
