import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/opcompare/results.json'))
assert json.backends*.id == ['tensorflow-cpu@0.5.0', 'nd4j-cpu@1.0.0-M1.1']
json.backends.each { assert it.available : "${it.id}: ${it.reason}" }
assert json.backends[0].version.startsWith('0.5.0 (TensorFlow 2.10')
assert json.backends[1].version.startsWith('1.0.0-M1.1')
json.cases.each { c ->
    c.results.each { r -> assert r.status in ['ok', 'unsupported'] : "${c.id}/${c.dtype} on ${r.backend}: ${r.status} ${r.message}" }
}
// Nothing the newest versions run is lost on the oldest: float32 exp runs on both.
def exp32 = json.cases.find { it.op == 'exp' && it.dtype == 'float32' }
assert exp32.results*.status == ['ok', 'ok']
return true
