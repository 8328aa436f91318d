def log = new File(basedir, 'build.log').text
assert log.contains('opcompare configuration error: 2 functions are wrong:')
// The class, the method, the signatures it has, and those accepted for the case's dtype.
assert log.contains('java.lang.Math#exp (op exp, float32): no accepted signature: java.lang.Math has static double exp(double); '
        + 'accepted for exp in float32: static void exp(float[], float[]), static float[] exp(float[]), static float exp(float)')
assert log.contains('java.lang.Math#tanhh (op tanh, float64): class java.lang.Math has no method named tanhh; '
        + 'accepted for tanh in float64: static void tanhh(double[], double[]), static double[] tanhh(double[]), static double tanhh(double)')
// Nothing ran: no worker was started, no results were written.
assert !log.contains('opcompare: 2 cases on')
assert !new File(basedir, 'target/opcompare/results.json').exists()
return true
