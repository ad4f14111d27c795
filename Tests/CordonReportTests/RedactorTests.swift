import CordonReport
import Testing

@Suite struct RedactorTests {
    // MARK: - Masked

    @Test(arguments: [
        ("身份证号11010519491231002X已泄露", "身份证号110***********002X已泄露"),
        ("ID 110101199003071234.", "ID 110***********1234."),
        ("11010519491231002x", "110***********002x"),
    ])
    func residentIdNumbersKeepTheirFirstThreeAndLastFour(input: String, expected: String) {
        #expect(Redactor.redact(input) == expected)
    }

    @Test(arguments: [
        ("客户手机13812345678", "客户手机138****5678"),
        ("call 138-1234-5678 or 139 1234 5678", "call 138-****-5678 or 139 **** 5678"),
        ("+86 13812345678", "+86 138****5678"),
        ("+8613812345678", "+86138****5678"),
        ("8613812345678", "86138****5678"),
        ("（15900001111）", "（159****1111）"),
        ("/evidence/13812345678.csv", "/evidence/138****5678.csv"),
    ])
    func mobileNumbersBecomeTheFamiliarMask(input: String, expected: String) {
        #expect(Redactor.redact(input) == expected)
    }

    @Test(arguments: [
        ("卡号6222021234567894", "卡号622202******7894"),
        ("6222 0212 3456 7894", "6222 02** **** 7894"),
        ("6228-4800-1234-5678-903", "6228-48**-****-***8-903"),
        ("4532015112830366,", "453201******0366,"),
    ])
    func cardNumbersKeepTheBankAndTheLastFour(input: String, expected: String) {
        #expect(Redactor.redact(input) == expected)
    }

    @Test("UnionPay numbers that fail the Luhn check, grouped or not, and account numbers of 16 to 19 digits", arguments: [
        ("卡号6222021234567890123", "卡号622202*********0123"),
        ("6222 0202 0011 2233 445", "6222 02** **** ***3 445"),
        ("6222-0202-0011-2233-445", "6222-02**-****-***3-445"),
        ("6222021234567895", "622202******7895"),
        ("账号 123456789012345678", "账号 123456********5678"),
        ("622202123456789012", "622202********9012"),
        ("６２２２０２１２３４５６７８９０１２３", "６２２２０２*********０１２３"),
        // An invisible character inside a number is dropped from the masked copy, wherever it sits.
        ("6222\u{200B}0212\u{200B}3456\u{200B}7894", "622202******7894"),
        ("手机138\u{2060}1234\u{2060}5678", "手机138****5678"),
        ("零宽 62220212\u{200B}34567890123 x", "零宽 622202*********0123 x"),
        ("1381234\u{200B}5678", "138****5678"),
        ("名单\u{200B}第 2 页", "名单\u{200B}第 2 页"),
    ])
    func cardAndAccountNumbersAreMaskedWhateverTheirCheckDigit(input: String, expected: String) {
        #expect(Redactor.redact(input) == expected)
    }

    @Test(arguments: [
        ("联系 zhangwei@example.com。", "联系 z***@example.com。"),
        ("13812345678@163.com", "1***@163.com"),
        ("<li.na+leak@corp.example.cn>", "<l***@corp.example.cn>"),
        ("邮箱zhang.san@example.com", "邮箱z***@example.com"),
        ("请发至王芳wang.fang@corp.example.cn。", "请发至王芳w***@corp.example.cn。"),
    ])
    func emailAddressesKeepTheirFirstLetterAndDomain(input: String, expected: String) {
        #expect(Redactor.redact(input) == expected)
    }

    @Test("what input methods and habits produce: full-width digits and ＠, a word prefix, the 15-digit ID, a Chinese name as the address", arguments: [
        ("手机１３８１２３４５６７８", "手机１３８****５６７８"),
        ("身份证１１０１０５１９４９１２３１００２Ｘ", "身份证１１０***********００２Ｘ"),
        ("tel13812345678", "tel138****5678"),
        ("phone:13812345678;", "phone:138****5678;"),
        ("旧身份证 110101900307123", "旧身份证 110*********123"),
        ("张三@example.com", "张***@example.com"),
        ("zhang.san＠example.com", "z***@example.com"),
    ])
    func formsSeenInRealText(input: String, expected: String) {
        #expect(Redactor.redact(input) == expected)
    }

    @Test func noIdentifierSurvivesInClearAnywhereInALine() {
        let line = "客户张三 11010519491231002X，手机 13812345678，卡 6222 0212 3456 7894，另一卡 6222 0202 0011 2233 445，邮箱 zs@example.com"
        let redacted = Redactor.redact(line)
        for secret in ["11010519491231002X", "13812345678", "6222 0212 3456 7894", "0011 2233", "zs@example.com"] {
            #expect(!redacted.contains(secret))
        }
        #expect(redacted.hasPrefix("客户张三 110"))
    }

    // MARK: - Left alone

    @Test(arguments: [
        "INC-20261129-001",
        "DRL-20261130-012",
        "2026-11-29T13:05:12.345+08:00",
        "2026-11-29 13:05:12",
        "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881",
        "prev 0000000000000000000000000000000000000000000000000000000000000000",
        "a13812345678b",
        "seq 13812",
        "#4821",
        "12345.67",
        "金额 13812345678.50 元",
        "13,812,345,678 bytes",
        "48,213 字节",
        "12812345678",
        "138123456789",
        "12345678901234567890",
        "20261129130512345",
        "log-2026112913051234.txt",
        "1200 3400 5600",
        "2026-12-31",
        "v1.2.3",
        "user@localhost",
        "UTC+08:00",
    ])
    func numbersThatAreNotIdentifiersAreLeftAlone(input: String) {
        #expect(Redactor.redact(input) == input)
    }

    @Test func aHashThatHappensToStartWithDigitsIsNotAPhone() {
        let hash = "13812345678" + String(repeating: "ab", count: 26) + "cd"
        #expect(Redactor.redact("head: \(hash)") == "head: \(hash)")
    }
}
