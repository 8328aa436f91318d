// The report is in the site under "Project Reports" for both locales, complete and escaped.
def site = new File(basedir, 'target/site')
// The first locale, German, goes to the site's root up to site plugin 3.12 and to de/ from 3.20 on.
def german = new File(site, 'de').isDirectory() ? 'de/' : ''
[german, 'en/'].each { prefix ->
    def reports = new File(site, prefix + 'project-reports.html')
    assert reports.isFile() : "no ${prefix}project-reports.html"
    assert reports.text.contains('opcompare/index.html') : "${prefix}project-reports.html does not link the report"
    assert reports.text.contains(prefix == 'en/' ? 'Project Reports' : 'Projektberichte') : "${prefix}: not under Project Reports"
    def index = new File(site, prefix + 'opcompare/index.html')
    assert index.isFile() : "no ${prefix}opcompare/index.html"
    def html = index.text
    assert html.contains('&lt;script&gt;alert(1)&lt;/script&gt;') : 'hostile id not shown as text'
    assert !html.contains('<script>') : 'an inline script reached the overview'
    assert html.contains('href="cases/sqrt-float32.html"')
    assert !(html =~ /\d,\d\d<small> ulp/) : 'a decimal comma in an ulp error'
    ['results.json', 'overview.csv', 'environment.html', 'help.html', 'assets/opcompare.css', 'assets/opcompare.js'].each {
        assert new File(site, prefix + 'opcompare/' + it).isFile() : "no ${prefix}opcompare/$it"
    }
    def caseDir = new File(site, prefix + 'opcompare/cases')
    def sqrt = new File(caseDir, 'sqrt-float32.html')
    assert sqrt.isFile()
    assert sqrt.text.contains('src="sqrt-float32-histogram.svg"')
    assert new File(caseDir, 'sqrt-float32-histogram.svg').text.contains('<svg')
    assert new File(caseDir, 'sqrt-float32-timing.svg').text.contains('<svg')
    def hostile = caseDir.listFiles().find { it.name.startsWith('_script_') && it.name.endsWith('.html') }
    assert hostile != null : 'no page for the hostile case id'
    assert !hostile.text.contains('<script>')
    def csv = new File(site, prefix + 'opcompare/overview.csv').readLines()
    assert csv[0].startsWith('case,dtype,op,size')
    assert csv.size() == 1 + 2 * 2 : "one row per case and backend: $csv"
}
return true
