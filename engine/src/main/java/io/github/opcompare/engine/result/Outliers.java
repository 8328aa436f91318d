package io.github.opcompare.engine.result;

/**
 * Samples outside Tukey's fences (Q1 − k·IQR, Q3 + k·IQR): mild beyond k = 1.5, severe beyond k = 3.
 * Outliers are classified and reported, never dropped: a slow sample is a fact about the machine.
 */
public record Outliers(int lowSevere, int lowMild, int highMild, int highSevere) {

    public int total() {
        return lowSevere + lowMild + highMild + highSevere;
    }
}
