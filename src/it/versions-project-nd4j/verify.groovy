import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/opcompare/results.json'))
assert json.backends*.id == ['nd4j-cpu']
def b = json.backends[0]
assert b.available
// ND4J reports its own version from the jar it loaded: the project's, not opcompare's 1.0.0-M2.1.
assert b.version.startsWith('1.0.0-M2 ') || b.version == '1.0.0-M2'
assert b.requestedVersion == '1.0.0-M2'
assert b.versionSource == 'project'
assert b.dependencyPath.first().startsWith('io.github.opcompare.it:versions-project-nd4j:jar:1.0')
assert b.dependencyPath.last() == 'org.nd4j:nd4j-native:jar:1.0.0-M2'
assert json.cases[0].results[0].status == 'ok'
def log = new File(basedir, 'build.log').text
assert log.contains('nd4j-cpu')
return true
