// The default suite ran on both CPU backends and the site has the report.
import groovy.json.JsonSlurper

def results = new File(basedir, 'target/opcompare/results.json')
assert results.isFile() : 'no results.json'
def json = new JsonSlurper().parse(results)
assert json.schema == 'opcompare/1'
assert json.complete == true
assert json.environment.cores > 0
assert json.backends*.id as Set == ['tensorflow-cpu', 'nd4j-cpu', 'numpy', 'jdk', 'jdk-strict'] as Set
json.backends.each { assert it.available : "${it.id} not available: ${it.reason}" }

def labels = json.cases.collect { "${it.id}/${it.dtype}".toString() } as Set
['sqrt/float32', 'exp/float16', 'exp/bfloat16', 'exp/float32', 'exp/float64', 'log/float32', 'log/float64', 'sin/float32', 'sin/float64',
 'tanh/float32', 'tanh/float64', 'maximum/float32', 'reduce_sum/float32', 'reduce_max/float32'].each {
    assert labels.contains(it) : "default suite lacks $it"
}

// numpy.arange(100) in float32: IEEE sqrt is correctly rounded, so both libraries must give the
// correctly rounded result for all 100 inputs (ulp error at most 0.5, no step away).
def sqrt = json.cases.find { it.id == 'sqrt' && it.dtype == 'float32' }
assert sqrt.size == 100
sqrt.results.each { r ->
    assert r.status == 'ok' : "${r.backend}: ${r.message}"
    assert r.accuracy.correctlyRounded == 1.0 : "${r.backend} sqrt not correctly rounded: ${r.accuracy}"
    assert r.accuracy.maxUlp <= 0.5
    assert r.accuracy.maxSteps == 0
    assert !r.timing.isEmpty() && r.timing.every { t -> t.medianNanos > 0 && t.ciLowNanos <= t.medianNanos }
    assert r.reproducibility.runs >= 3
}
// exp in the 16-bit formats: TensorFlow and ND4J run them, the JDK has no such types and says so.
['float16', 'bfloat16'].each { dt ->
    def exp16 = json.cases.find { it.id == 'exp' && it.dtype == dt }
    ['tensorflow-cpu', 'nd4j-cpu'].each { b ->
        def r = exp16.results.find { it.backend == b }
        assert r.status == 'ok' : "$b exp/$dt: ${r.message}"
        assert r.accuracy.maxUlp != null
    }
    assert exp16.results.find { it.backend == 'jdk' }.status == 'unsupported'
}
assert json.cases.find { it.id == 'exp' && it.dtype == 'float16' }.results.find { it.backend == 'numpy' }.status == 'ok'

// maximum of two floats is exact: every output must equal one of the inputs.
def maximum = json.cases.find { it.id == 'maximum' }
maximum.results.each { r -> assert r.accuracy.correctlyRounded == 1.0 : "${r.backend} maximum: ${r.accuracy}" }
maximum.agreement.each { a -> assert a.identical == 1.0 }
// A million-element reduction gives one output.
def sum = json.cases.find { it.id == 'reduce_sum' }
assert sum.size == 1000000

def log = new File(basedir, 'build.log').text
assert log =~ /\[ ?1\/\d+\] sqrt\/float32 \(100 values\)/ : 'no progress line for the first case'
assert log.contains('correctly rounded') && log.contains('median time') : 'no summary table'

def index = new File(basedir, 'target/site/opcompare/index.html')
assert index.isFile() : 'no report page in the site'
assert index.text.contains('tensorflow-cpu')
def projectReports = new File(basedir, 'target/site/project-reports.html')
assert projectReports.isFile() && projectReports.text.contains('opcompare/index.html') : 'report not linked from Project Reports'
return true
