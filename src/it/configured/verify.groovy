import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/opcompare/results.json'))
assert json.cases.collect { "${it.id}/${it.dtype}".toString() } == ['seed-sqrt/float32', 'seed-sqrt/float64', 'add/float32', 'exp/float64']

// sqrt over range(0,100) in float32 and float64: correctly rounded on both backends (IEEE requires it).
json.cases.findAll { it.id == 'seed-sqrt' }.each { c ->
    assert c.size == 100
    c.results.each { r ->
        assert r.status == 'ok' : "${r.backend}: ${r.message}"
        assert r.accuracy.correctlyRounded == 1.0
        assert r.accuracy.notCorrectlyRounded == 0
    }
    assert c.agreement.size() == 1 && c.agreement[0].identical == 1.0
}

// float32 addition is exact IEEE arithmetic: 1+2=3, 0.1f+0.2f rounds to 0.3f... every backend must be
// correctly rounded, and -0 + -0 must stay -0.
def add = json.cases.find { it.id == 'add' }
assert add.size == 4
// Domain expressions are echoed as configured, without white space.
assert add.inputs == ['values(1,0.1,16777216,-0.0)', 'values(2,0.2,1,-0.0)']
add.results.each { r -> assert r.accuracy.correctlyRounded == 1.0 : "${r.backend}: ${r.accuracy}" }

def exp = json.cases.find { it.id == 'exp' }
assert exp.size == 2000 && exp.seed == 7
exp.results.each { r ->
    assert r.status == 'ok'
    // Every libm-quality exp is within a few ulps; a wildly wrong reference would show up here.
    assert r.accuracy.maxUlp < 4 : "${r.backend}: ${r.accuracy.maxUlp}"
}
return true
