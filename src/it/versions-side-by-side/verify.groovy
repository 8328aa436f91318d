import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/opcompare/results.json'))
assert json.backends*.id == ['tensorflow-cpu@1.0.0', 'tensorflow-cpu@1.1.0']
def (older, newer) = json.backends
assert older.available && newer.available
// TF Java says which release it is and which TensorFlow it carries: 1.0.0 is TensorFlow 2.16, 1.1.0 is 2.18.
assert older.version.startsWith('1.0.0 (TensorFlow 2.16')
assert newer.version.startsWith('1.1.0 (TensorFlow 2.18')
json.backends.each { assert it.versionSource == 'configured' }
def c = json.cases[0]
assert c.results*.backend == ['tensorflow-cpu@1.0.0', 'tensorflow-cpu@1.1.0']
c.results.each { assert it.status == 'ok' }
assert c.agreement.size() == 1
assert c.agreement[0].a == 'tensorflow-cpu@1.0.0' && c.agreement[0].b == 'tensorflow-cpu@1.1.0'
return true
