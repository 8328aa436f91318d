import groovy.json.JsonSlurper

def numpy(String python) {
    def p = [python, '-c', 'import numpy; print(numpy.__version__)'].execute()
    def out = p.text.trim()
    p.waitFor()
    return out
}
def first = numpy('python3')
def second = numpy('/usr/bin/python3')
def json = new JsonSlurper().parse(new File(basedir, 'target/opcompare/results.json'))
// Each backend is named after the NumPy its Python imports, as that NumPy reports itself.
assert json.backends*.id == ["numpy@${first}", "numpy@${second}"]*.toString()
json.backends.each { b ->
    assert b.available
    assert b.versionSource == 'configured'
    assert b.id == "numpy@${b.version}"
}
def c = json.cases[0]
assert c.results*.backend.sort() == ["numpy@${first}", "numpy@${second}"]*.toString().sort()
c.results.each { assert it.status == 'ok' }
// The two NumPys are compared with each other like any two backends.
assert c.agreement.size() == 1
assert [c.agreement[0].a, c.agreement[0].b].sort() == ["numpy@${first}", "numpy@${second}"]*.toString().sort()
return true
