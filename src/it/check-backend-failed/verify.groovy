import groovy.json.JsonSlurper

def lines = new File(basedir, 'build.log').readLines()
// Written by hand from the fixture and the message forms the README documents: the failure's first line, then
// which limit it leaves unchecked. On the numbers alone every limit would pass (maxUlp 2.0 <= 4, no mismatch).
def expected = [
        'case exp/float32 backend nd4j-cpu: failed (worker crashed with signal 11 (SIGSEGV) in native code: SIGSEGV (0xb) at pc=0x00007f3a2c1d; problematic frame: C [libnd4jcpu.so+0x1c2d]), so maxUlp cannot be checked',
        'case exp/float32 backend nd4j-cpu: failed (worker crashed with signal 11 (SIGSEGV) in native code: SIGSEGV (0xb) at pc=0x00007f3a2c1d; problematic frame: C [libnd4jcpu.so+0x1c2d]), so specialMismatches cannot be checked',
        'case pow/float32 backend nd4j-cpu: the special inputs failed (java.lang.IllegalStateException: NaN in input 1), so specialMismatches cannot be checked']
expected.each { e -> assert lines.any { it == '[ERROR] ' + e } : "not in the failure message: $e" }
assert lines.any { it.contains('opcompare: 3 checks failed') }
assert lines.any { it.contains('BUILD FAILURE') }
// tensorflow-cpu passes; the skipped GPU backend has nothing to judge.
assert !lines.any { it.contains('backend tensorflow-cpu:') && it.contains('cannot be checked') }
assert !lines.any { it.contains('nd4j-gpu') && it.contains('[ERROR] case') }

def check = new JsonSlurper().parse(new File(basedir, 'target/opcompare/check.json'))
assert check.passed == false
assert check.violations.size() == 3
assert check.violations.every { it.backend == 'nd4j-cpu' && it.source == 'rule 1' && it.actual == null }
assert check.violations[2].unchecked == 'the special inputs failed (java.lang.IllegalStateException: NaN in input 1)'
assert check.violations[2].expectation == 'expected maximum is 0'
return true
