// TensorFlow, ND4J, NumPy, the JDK and a recording compared in one run, and all five in the report.
import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/opcompare/results.json'))
assert json.complete == true
def five = ['tensorflow-cpu', 'nd4j-cpu', 'numpy', 'jdk', 'numpy-1.24-recorded']
assert json.backends*.id == five
json.backends.each { assert it.available : "${it.id} not available: ${it.reason}" }
def numpy = json.backends.find { it.id == 'numpy' }
assert numpy.library == 'numpy' && numpy.version =~ /^\d+\.\d+/ : "NumPy version not recorded: ${numpy}"
def recorded = json.backends.find { it.id == 'numpy-1.24-recorded' }
assert recorded.library == 'recording'

// sqrt over arange(100): IEEE sqrt is correctly rounded, so all five rows are, the recording included.
def sqrt = json.cases.find { it.id == 'seed-sqrt' && it.dtype == 'float32' }
assert sqrt.results*.backend == five
sqrt.results.each { r ->
    assert r.status == 'ok' : "${r.backend}: ${r.message}"
    assert r.accuracy.correctlyRounded == 1.0 : "${r.backend}: ${r.accuracy}"
    assert r.accuracy.maxSteps == 0
}
// The recording agrees bit for bit with live NumPy (same library, same inputs).
def pair = sqrt.agreement.find { (it.a == 'numpy' && it.b == 'numpy-1.24-recorded') || (it.b == 'numpy' && it.a == 'numpy-1.24-recorded') }
assert pair != null && pair.identical == 1.0 : "recording vs numpy: ${pair}"
// Live backends are timed; a recording has nothing to time.
sqrt.results.findAll { it.backend != 'numpy-1.24-recorded' }.each { assert !it.timing.isEmpty() && it.timing.every { t -> t.medianNanos > 0 } : it.backend }

// The big-endian recording of add: 1+2, 0.1f+0.2f, 16777216+1 (rounds to even), -0+-0, all exact IEEE sums.
def add = json.cases.find { it.id == 'add' }
def addRec = add.results.find { it.backend == 'numpy-1.24-recorded' }
assert addRec.status == 'ok' && addRec.accuracy.correctlyRounded == 1.0 : "${addRec}"

// A reduction: the JDK has no reduce op (unsupported, with the reason); no recording for it.
def sum = json.cases.find { it.id == 'sum' }
assert sum.results.find { it.backend == 'jdk' }.status == 'unsupported'
assert sum.results.find { it.backend == 'numpy' }.status == 'ok'
assert sum.results.find { it.backend == 'numpy-1.24-recorded' }.status == 'unsupported'

// export-inputs: one .npy per operand and a manifest.
def inputs = new File(basedir, 'target/opcompare/inputs')
def manifest = new JsonSlurper().parse(new File(inputs, 'manifest.json'))
assert manifest.cases.find { it.case == 'add' }.files == ['add-float32-in0.npy', 'add-float32-in1.npy']
def npy = new File(inputs, 'seed-sqrt-float32-in0.npy').bytes
assert npy[0] == (byte) 0x93 && new String(npy, 1, 5, 'US-ASCII') == 'NUMPY'
assert npy.length == 128 + 100 * 4 : "header of 128 bytes then 100 float32, got ${npy.length} bytes"

def index = new File(basedir, 'target/site/opcompare/index.html').text
five.each { assert index.contains(it) : "report does not name $it" }
return true
