import groovy.json.JsonSlurper

def merged = new JsonSlurper().parse(new File(basedir, 'target/opcompare/results.json'))
// Machines are named after the folders their results lie in, in the order given.
assert merged.machines*.name == ['linux-xeon', 'linux-epyc']
assert merged.machines[0].environment.cpuModel == 'Intel Xeon Test'
assert merged.machines[1].environment.cpuModel == 'AMD EPYC Test'
assert merged.machines[0].backends == ['jdk@linux-xeon', 'jdk-strict@linux-xeon']
assert merged.backends*.id == ['jdk@linux-xeon', 'jdk-strict@linux-xeon', 'jdk@linux-epyc', 'jdk-strict@linux-epyc']
// One case entry with both machines' results side by side; agreement stays within a machine.
assert merged.cases.size() == 1
def c = merged.cases[0]
assert c.results*.backend == ['jdk@linux-xeon', 'jdk-strict@linux-xeon', 'jdk@linux-epyc', 'jdk-strict@linux-epyc']
assert c.results.find { it.backend == 'jdk@linux-epyc' }.accuracy.maxUlp == 0.75
assert c.agreement*.a == ['jdk@linux-xeon', 'jdk@linux-epyc']

def html = new File(basedir, 'target/site/opcompare/index.html')
assert html.isFile()
def text = html.text
assert text.contains('jdk@linux-xeon') && text.contains('jdk@linux-epyc')

// The environment page: one row per machine with its own environment (16e9 bytes = 14.9 GiB).
def env = new File(basedir, 'target/site/opcompare/environment.html').text
def machines = env.substring(env.indexOf('<section id="machines">'), env.indexOf('</section>', env.indexOf('<section id="machines">')))
def machineRows = machines.findAll(/<tr><td><strong>[\s\S]*?<\/tr>/)
assert machineRows.size() == 2
assert machineRows[0].contains('<strong>linux-xeon</strong>') && machineRows[0].contains('<td>Intel Xeon Test</td>')
assert machineRows[1].contains('<strong>linux-epyc</strong>') && machineRows[1].contains('<td>AMD EPYC Test</td>')
assert machineRows.every { it.contains('<td class="num">4</td>') && it.contains('14.9 GiB') && it.contains('17.0.15 (Eclipse Adoptium)') }

// The case page: each backend across the two machines; jdk is correctly rounded on the Xeon only.
def page = new File(basedir, 'target/site/opcompare/cases/exp-float64.html').text
def across = page.substring(page.indexOf('<h2>Across machines</h2>'), page.indexOf('</section>', page.indexOf('<h2>Across machines</h2>')))
assert across.contains('<th class="backend">linux-xeon</th><th class="backend">linux-epyc</th>')
def jdkRow = across.substring(across.indexOf('<code>jdk</code>'), across.indexOf('</tr>', across.indexOf('<code>jdk</code>')))
def cells = jdkRow.findAll(/<td class="cell[\s\S]*?<\/td>/)
assert cells.size() == 2
assert cells[0].contains('0.50<small> ulp</small>') && cells[0].contains('100% CR')
assert cells[1].contains('0.75<small> ulp</small>') && cells[1].contains('99.00% CR')
assert across.contains('<code>jdk-strict</code>')
return true
