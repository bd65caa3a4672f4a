package org.weft.bench.targets;

import java.util.EnumMap;
import java.util.Map;

import org.weft.bench.crypto.RsaYardstick;
import org.weft.bench.db.DbKind;
import org.weft.bench.report.Fmt;

/** The yardsticks of this run, filled in as they are measured; targets read them for their ratios. */
public final class Yardsticks {
    private RsaYardstick.Rates rsa = new RsaYardstick.Rates(Double.NaN, Double.NaN);
    private final Map<DbKind, Double> inserts = new EnumMap<>(DbKind.class);
    private ReadProbe.Figures bareHttp;
    private double bareStartupMillis = Double.NaN;
    private double bareIdleRssMB = Double.NaN;

    public synchronized RsaYardstick.Rates rsa() {
        return rsa;
    }

    public synchronized void rsa(RsaYardstick.Rates rates) {
        this.rsa = rates;
    }

    public synchronized double inserts(DbKind kind) {
        return inserts.getOrDefault(kind, Double.NaN);
    }

    public synchronized void inserts(DbKind kind, double perSecond) {
        inserts.put(kind, perSecond);
    }

    public synchronized ReadProbe.Figures bareHttp() {
        return bareHttp;
    }

    public synchronized void bareHttp(ReadProbe.Figures figures) {
        this.bareHttp = figures;
    }

    public synchronized double bareStartupMillis() {
        return bareStartupMillis;
    }

    public synchronized void bareStartupMillis(double millis) {
        this.bareStartupMillis = millis;
    }

    public synchronized double bareIdleRssMB() {
        return bareIdleRssMB;
    }

    public synchronized void bareIdleRssMB(double mib) {
        this.bareIdleRssMB = mib;
    }

    /** "MariaDB inserts (16 threads): 12,345/s". */
    public String insertsText(DbKind kind) {
        return kind.label() + " inserts (16 thr) " + Fmt.perSecond(inserts(kind));
    }
}
