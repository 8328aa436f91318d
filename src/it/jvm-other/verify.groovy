import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/opcompare/results.json'))
assert json.backends*.id == ['jdk', 'jdk-strict']
// The workers ran on JDK 25 whatever the build runs on; the environment records the build's own Java.
json.backends.each { b ->
    assert b.available
    assert b.runtime.contains(' 25.') : b.runtime
}
json.cases[0].results.each { assert it.status == 'ok' }
return true
