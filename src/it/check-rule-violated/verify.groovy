import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// JaCoCo's form, one violation per line; the value is whatever fdlibm's exp gives, but it is above 0.1.
def line = log.readLines().find { it.startsWith('case exp/float64 backend jdk-strict: maxUlp is ') }
assert line != null : 'no violation line for jdk-strict'
def m = line =~ '^case exp/float64 backend jdk-strict: maxUlp is ([0-9.E-]+), but expected maximum is 0\\.1\$'
assert m.matches() : line
assert Double.parseDouble(m.group(1)) > 0.1
assert log.contains('opcompare: 1 check failed')
// The rules that hold are not reported: correctly rounded >= 50%, and every backend reproducible.
assert !log.contains('correctlyRounded is')
assert !log.contains('reproducible is')

def check = new JsonSlurper().parse(new File(basedir, 'target/opcompare/check.json'))
assert check.passed == false
assert check.violations.size() == 1
assert check.violations[0].backend == 'jdk-strict' && check.violations[0].source == 'rule 1'

// The JUnit XML a CI server reads: one test per case x backend, the violation as a failure.
def doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/opcompare/TEST-opcompare.xml'))
def suite = doc.documentElement
assert suite.getAttribute('tests') == '2' && suite.getAttribute('failures') == '1'
def tests = suite.getElementsByTagName('testcase')
def byName = (0..<tests.length).collectEntries { [(tests.item(it).getAttribute('name')): tests.item(it)] }
def strict = byName['jdk-strict']
assert strict.getAttribute('classname') == 'opcompare.exp_float64'
assert strict.getElementsByTagName('failure').item(0).getAttribute('message') == line
assert byName['jdk'].getElementsByTagName('failure').length == 0
return true
