// tensorflow-gpu and nd4j-gpu on a machine without a GPU: both skipped with the reason, in results.json
// and in the build log, and not one GPU artifact in the local repository, not even the nd4j-gpu worker's
// CUDA jars: the GPU gate runs before anything of a GPU backend's worker is resolved.
import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/opcompare/results.json'))
assert json.backends*.id == ['tensorflow-gpu', 'nd4j-gpu', 'jdk']
def jdk = json.backends.find { it.id == 'jdk' }
assert jdk.available : "jdk not available: ${jdk.reason}"
def sqrt = json.cases[0]
assert sqrt.results.find { it.backend == 'jdk' }.status == 'ok'

def log = new File(basedir, 'build.log').text
def repo = new File(localRepositoryPath.toString())
def gpuJars = []
repo.eachFileRecurse { f ->
    if (f.isFile() && (f.name ==~ /tensorflow-core-native-.*gpu.*\.jar/ || f.name.startsWith('nd4j-cuda-11.6'))) {
        gpuJars << f
    }
}

if (new File('/proc/driver/nvidia/version').exists()) {
    // A machine with an NVIDIA driver: what happens depends on its GPU and CUDA; only the report of it is checked.
    ['tensorflow-gpu', 'nd4j-gpu'].each { id ->
        def b = json.backends.find { it.id == id }
        assert b.available || (b.reason && log.contains("Backend ${id} is skipped: ")) : "${id}: ${b}"
    }
    println "gpu-backends-skipped: this machine has an NVIDIA driver; GPU backends: " +
            json.backends.findAll { it.device == 'gpu' }.collect { "${it.id} available=${it.available} ${it.reason ?: ''}" }
    return true
}

['tensorflow-gpu', 'nd4j-gpu'].each { id ->
    def b = json.backends.find { it.id == id }
    assert !b.available : "${id} claims to be available on a machine without a GPU"
    assert b.device == 'gpu'
    assert b.reason.startsWith('no NVIDIA GPU found: /proc/driver/nvidia/version does not exist, so no NVIDIA kernel driver is loaded') : b.reason
    assert b.reason.endsWith("Checked before resolving ${id}'s worker, so nothing of it was downloaded") : b.reason
    assert sqrt.results.find { it.backend == id }.status == 'skipped'
    assert log.contains("Backend ${id} is skipped: no NVIDIA GPU found") : "the build log does not say why ${id} was skipped"
}
assert !log.contains('ready (tensorflow') && !log.contains('ready (nd4j')
// Quickly: nothing was resolved, no worker started for them.
assert !(log =~ /Total time:\s+[\d:]+ min/) : 'the build took minutes'
def seconds = log =~ /Total time:\s+([\d.]+) s/
assert seconds.find() && (seconds.group(1) as double) < 60 : 'the build took a minute or more'

assert gpuJars.isEmpty() : "GPU artifacts were downloaded: ${gpuJars}"
// The gate decides before the worker's graph is resolved. The nd4j-gpu worker jar itself is a
// dependency of the plugin (its descriptor holds the gate's rules), but nothing of its graph is:
// not even ND4J's CUDA API jar, which the pattern above covers.
assert !new File(repo, 'org/nd4j/nd4j-cuda-11.6').exists() : 'the nd4j-gpu worker\'s graph was resolved'
return true
