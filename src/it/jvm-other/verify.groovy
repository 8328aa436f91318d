import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/opcompare/results.json'))
assert json.backends*.id == ['jdk', 'jdk-strict']
// The workers ran on JDK 25 whatever the build runs on; the environment records the build's own Java.
json.backends.each { b ->
    assert b.available
    assert b.runtime.contains(' 25.') : b.runtime
}
json.cases[0].results.each { assert it.status == 'ok' }
// The JDK 25 workers' class archive is kept beside the local repository (classArchiveCache's default),
// written by the first run's worker when it exited and moved into place.
def archives = new File(localRepositoryPath.toString(), '.cache/opcompare/class-archives')
assert archives.isDirectory() : archives
assert archives.listFiles().any { it.name ==~ /JdkWorker-[0-9a-f]{32}\.jsa/ && it.length() > 0 } : archives.list()
// The runtime record names the archive a worker mapped or wrote (one worker of a key writes it per run).
assert json.backends.any { it.runtime.contains('-XX:SharedArchiveFile=') || it.runtime.contains('-XX:ArchiveClassesAtExit=') } : json.backends*.runtime
return true
