import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/opcompare/results.json'))
assert json.backends*.id == ['tensorflow-cpu', 'nd4j-cpu']
json.backends.each { b ->
    assert b.available : "${b.id}: ${b.reason}"
    assert b.versionSource == 'project'
}
assert json.backends[0].requestedVersion == '1.1.0'
assert json.backends[1].requestedVersion == '1.0.0-M2.1'
json.cases[0].results.each { assert it.status == 'ok' }
return true
