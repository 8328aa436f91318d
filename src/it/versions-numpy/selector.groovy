// Runs where the PATH's python3 and Debian's /usr/bin/python3 import two different NumPy versions
// (here and on CI: a pyenv Python with NumPy 2 beside Debian's python3-numpy, which .ci/run installs);
// elsewhere it is skipped with a message that says what it found.
def numpy(String python) {
    try {
        def p = [python, '-c', 'import numpy; print(numpy.__version__)'].execute()
        def out = p.text.trim()
        p.waitFor()
        return p.exitValue() == 0 ? out : null
    } catch (IOException e) {
        return null
    }
}
def path = numpy('python3')
def debian = numpy('/usr/bin/python3')
if (path == null || debian == null || path == debian) {
    println "versions-numpy skipped: it needs python3 on the PATH and /usr/bin/python3 to import two NumPy versions;" +
            " found ${path ?: 'no NumPy'} and ${debian ?: 'no NumPy'}"
    return false
}
println "versions-numpy: python3 has NumPy ${path}, /usr/bin/python3 has NumPy ${debian}"
return true
