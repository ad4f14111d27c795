import CordonCore

extension Fixtures {
    /// A four-hour drill on `Fixtures.playbook`: a reporter calls at 10m (in one of two versions),
    /// the regulator's call at 30m forces a serious grading and 32,000 affected customers, sample
    /// data for sale at 2h forces major.
    public static let scenario = Scenario(
        id: "mini-drill", playbook: "mini",
        title: LocalizedText(zh: "小演练", en: "Mini drill"),
        briefing: LocalizedText(zh: "客服接到客户投诉，称收到精准诈骗电话。", en: "Customer service hears from customers who got targeted scam calls."),
        duration: 4 * 3600,
        start: StartingSituation(detectedBefore: 600, affected: 1200, facts: [LocalizedText(zh: "约 1200 名客户投诉", en: "About 1,200 customers complained")]),
        injects: [
            Inject(
                id: "reporter", at: 600,
                content: InjectContent(from: LocalizedText(zh: "财新记者", en: "A Caixin reporter"), message: LocalizedText(zh: "你们是否泄露了客户信息？", en: "Did you leak customer data?")),
                variants: [InjectContent(from: LocalizedText(zh: "21世纪经济报道记者", en: "A 21st Century Business Herald reporter"), message: LocalizedText(zh: "我们拿到了样本。", en: "We have a sample."))]),
            Inject(
                id: "regulator-call", at: 1800,
                content: InjectContent(
                    from: LocalizedText(zh: "省网信办", en: "Provincial CAC"), message: LocalizedText(zh: "请在 4 小时内报告。", en: "Report within 4 hours."),
                    forces: ForcedFacts(severity: .serious, affected: 32_000))),
            Inject(
                id: "sample-for-sale", at: 7200,
                content: InjectContent(
                    from: LocalizedText(zh: "威胁情报", en: "Threat intelligence"), message: LocalizedText(zh: "样本数据在售。", en: "Sample data is for sale."),
                    forces: ForcedFacts(severity: .major))),
        ],
        expectations: [
            Expectation(.step("isolate", by: 1800), points: 10),
            Expectation(.deadline("cac-report"), points: 20),
            Expectation(.answer(inject: "reporter", within: 1200), points: 5),
        ])
}
