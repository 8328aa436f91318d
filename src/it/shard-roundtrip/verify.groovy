import groovy.json.JsonSlurper

def read = { new JsonSlurper().parse(new File(basedir, "target/$it/results.json")) }
def one = read('shard-1'), two = read('shard-2'), whole = read('whole'), merged = read('merged')

def plan = ['sqrt/float32', 'sqrt/float64', 'exp/float64', 'sin/float32', 'sin/float64']
def labels = { r -> r.cases.collect { "${it.id}/${it.dtype}".toString() } }
// Planned cases are dealt out in turn: 1st, 3rd, 5th to shard 1; 2nd, 4th to shard 2.
assert labels(one) == ['sqrt/float32', 'exp/float64', 'sin/float64']
assert labels(two) == ['sqrt/float64', 'sin/float32']
assert one.shard.index == 1 && one.shard.count == 2 && one.shard.by == 'case' && one.shard.planned == plan
assert two.shard.index == 2 && two.shard.planned == plan

assert labels(whole) == plan
assert labels(merged) == plan
assert merged.shard == null && merged.machines == null && merged.complete
assert merged.backends*.id == whole.backends*.id

// Every metric equal; only the time of the first call differs from run to run.
def metrics = { r -> r.cases.collect { c ->
    [c.id, c.op, c.dtype, c.inputs, c.size, c.seed, c.agreement,
     c.results.collect { b -> [b.backend, b.status, b.accuracy, b.reproducibility] }]
} }
assert metrics(merged) == metrics(whole)
assert whole.cases.every { c -> c.results.every { it.status == 'ok' } }
return true
