import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def json = new JsonSlurper().parse(new File(basedir, 'target/opcompare/results.json'))

// The project's functions are one backend, 'project', beside the two named libraries.
json.cases.each { c ->
    assert c.results.collect { it.backend } as Set == ['jdk-strict', 'hipparchus', 'project'] as Set
    c.results.each { r -> assert r.status == 'ok' : "${c.id} ${r.backend}: ${r.message}" }
}
def project = json.backends.find { it.id == 'project' }
assert project != null && project.library == 'project'
// Its version names the method that runs each op.
assert json.backends.find { it.id == 'hipparchus' }.version ==~ /\d+\.\d+(\.\d+)? org\.hipparchus\.util\.FastMath .*/
assert project.version.contains('exp=com.acme.math.FastExp#exp') && project.version.contains('tanh=com.acme.math.Activations#tanh')

def result = { op, backend -> json.cases.find { it.op == op }.results.find { it.backend == backend } }
// FastExp is tens of ulps off at large |x| (the rule on 100 ulps holds), StrictMath and FastMath within 1.
def fastExp = result('exp', 'project').accuracy.maxUlp
assert fastExp > 1 && fastExp <= 100 : fastExp
assert result('exp', 'jdk-strict').accuracy.maxUlp <= 1
assert result('exp', 'hipparchus').accuracy.maxUlp <= 1
// The cancelling tanh is far off near 0.
assert result('tanh', 'project').accuracy.maxUlp > 4

// The check: the tanh rule fails with the same message as for any backend; the exp rule holds, unreported.
def line = log.readLines().find { it.startsWith('case tanh/float32 backend project: maxUlp is ') }
assert line != null : 'no violation line for project'
def m = line =~ '^case tanh/float32 backend project: maxUlp is ([0-9.E]+), but expected maximum is 4\$'
assert m.matches() : line
assert log.contains('opcompare: 1 check failed')
assert !log.contains('case exp/float32 backend project')
return true
