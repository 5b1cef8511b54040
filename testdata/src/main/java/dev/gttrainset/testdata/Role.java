package dev.gttrainset.testdata;

/**
 * The roles of a Gas Town, with the share of samples each has in a real town (the seed report:
 * mayor 40%, deacon 18.2%, witness 12.4%, crew 12.2%, refinery 10.6%, polecat 3.6%, boot 2.6%,
 * unknown 0.7%; that report filed dogs under the deacon, here they have 3 of its points), and how many samples the job cuts from one of its generated sessions on average.
 * Crew, polecats and the odd personal project edit code, so their sessions outgrow one sample (a
 * crew's long tasks outgrow the token budget and are cut into several).
 * Re-measure the latter with the job on a generated town: {@code roles.<role>.samples / sessions}.
 */
enum Role {
  MAYOR(0.400, 1.0),
  DEACON(0.152, 1.0),
  WITNESS(0.124, 1.0),
  CREW(0.122, 3.87),
  REFINERY(0.106, 1.32),
  POLECAT(0.036, 2.5),
  BOOT(0.026, 1.0),
  DOG(0.030, 1.0),
  UNKNOWN(0.007, 2.0);

  final double share;
  private final double samplesPerSession;

  Role(double share, double samplesPerSession) {
    this.share = share;
    this.samplesPerSession = samplesPerSession;
  }

  /** The share of sessions that gives the role its share of samples. */
  double sessionWeight() {
    return share / samplesPerSession;
  }

  String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
