import ArgumentParser
import CordonCore
import CordonReport
import CordonStore
import Foundation

struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: HelpText.pick("登记证据、移交、核对哈希、列出证据（保管链）。", "Register evidence, hand it over, check its hash, list it."),
        discussion: """
            cordon evidence ID add --file PATH --custodian NAME [--origin TEXT] [--description TEXT]
            cordon evidence ID add --description TEXT --custodian NAME [--origin TEXT]
            cordon evidence ID transfer E1 --to NAME [--reason TEXT]
            cordon evidence ID check E1        re-hash the file and record the result; exit 1 if it changed or cannot be read
            cordon evidence ID [list]

            A file is hashed (SHA-256) where it lies and referenced, never copied. Every hand-over is \
            recorded, so the chain of custody reads off the timeline; every check is recorded too. \
            Hand-overs and checks are still accepted after the incident is closed.

            文件就地计算 SHA-256 并登记引用，不复制；每次移交和校验都记入时间线，事件关闭后仍可移交、校验。
            """)

    enum Verb: String, ExpressibleByArgument, CaseIterable {
        case list, add, transfer, check
    }

    @Argument(help: ArgumentHelp(HelpText.pick("事件编号，如 INC-20261129-001（大小写均可）。", "Incident id, e.g. INC-20261129-001 (any case)."))) var id: String
    @Argument(help: "list | add | transfer | check") var verb: Verb = .list
    @Argument(help: "The item (E1) to transfer or check.") var item: String?
    @Option(help: "The evidence file to hash and register.") var file: String?
    @Option(help: "What the item is (required when there is no file).") var description: String?
    @Option(help: "Where it came from: system, export, person.") var origin: String?
    @Option(help: "Who holds it now.") var custodian: String?
    @Option(help: "Who receives it (transfer).") var to: String?
    @Option(help: "Why it changes hands (transfer).") var reason: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if (verb == .transfer || verb == .check) && item == nil {
            throw ValidationError("Name the item, e.g. cordon evidence \(id) \(verb.rawValue) E1 · 请写明证据编号。")
        }
        if verb == .transfer && to == nil {
            throw ValidationError("Say who receives it: --to NAME · 请用 --to 写明接收人。")
        }
    }

    func run() throws {
        try CordonCLI.run(global) { context in
            switch verb {
            case .add:
                let fingerprint = try file.map { path throws(StoreError) in try EvidenceFingerprint.file(at: path) }
                try context.perform(.record(.addEvidence(EvidenceInput(
                    file: fingerprint, description: description, origin: origin, custodian: custodian ?? ""))), on: id)
            case .transfer:
                try context.perform(.record(.transferEvidence(id: item ?? "", to: to ?? "", reason: reason)), on: id)
            case .check:
                try check(context)
            case .list:
                try list(context)
            }
        }
    }

    /// Hashes the file again where it lies and records what was found, whatever it was: a
    /// changed or unreadable file belongs on the timeline from the moment anyone noticed.
    /// Exits 1 unless the file still matches.
    private func check(_ context: Context) throws {
        var checked: (id: String, registered: EvidenceFile, found: EvidenceObservation)?
        try context.perform(on: id) { state in
            // An unknown or described item is refused before anything is hashed; the rules
            // decide again under the lock, where the registered file cannot have changed.
            let (entry, registered) = try RecordRules.evidenceToCheck(item ?? "", in: state)
            let started = context.now
            let found: EvidenceObservation
            do throws(StoreError) {
                found = .read(try EvidenceFingerprint.file(at: registered.path))
            } catch {
                guard let cause = error.cause else { throw error }
                found = .unreadable(cause)
            }
            checked = (entry.id, registered, found)
            return .record(.checkEvidence(id: entry.id, found: found, started: started))
        }
        guard let (id, registered, found) = checked else { return }
        let path = registered.path.terminalSafe
        switch found {
        case .read(let now) where now.sha256 == registered.sha256 && now.size == registered.size:
            if !context.options.json {
                print(context.text("一致：\(id) \(path)  sha256 \(now.sha256)", "match: \(id) \(path)  sha256 \(now.sha256)"))
            }
            return
        case .read(let now):
            if !context.options.json {
                print(context.text("已改变：\(id) 自登记后已改变  \(path)", "CHANGED: \(id) differs from when it was registered  \(path)"))
                print(context.text("登记时：", "registered: ") + "sha256 \(registered.sha256)  \(NumberText.grouped(registered.size)) B")
                print(context.text("现在：  ", "now:        ") + "sha256 \(now.sha256)  \(NumberText.grouped(now.size)) B")
            }
        case .unreadable(let why):
            if !context.options.json {
                print(context.text("无法读取：\(id) \(path)：", "UNREADABLE: \(id) \(path): ") + why[context.language].terminalSafe)
            }
        }
        throw ExitCode(1)
    }

    private func list(_ context: Context) throws {
        let session = try context.open(id)
        let evidence = session.state.evidence
        if context.options.json {
            context.printJSON(.array(evidence.map(RecordJSON.evidence)))
            return
        }
        if evidence.isEmpty {
            print(context.text("（尚未登记证据；cordon evidence \(id) add --file 路径 --custodian 姓名）", "(no evidence yet; cordon evidence \(id) add --file PATH --custodian NAME)"))
        }
        let times = session.state.times
        for item in evidence {
            var line = "\(item.id)  \(item.label.terminalSafe)  " + context.text("保管人 ", "custodian ") + item.custodian.terminalSafe
            if let origin = item.origin { line += context.text("  来源 ", "  origin ") + origin.terminalSafe }
            print(line)
            if let file = item.file {
                print("    \(file.path.terminalSafe)  \(NumberText.grouped(file.size)) B  sha256 \(file.sha256)")
            }
            if let check = item.lastCheck {
                let found = check.problem.map { context.text("：", ": ") + $0[context.language].terminalSafe } ?? ""
                print("    " + context.text("最近校验 ", "last checked ") + "\(times.minute(check.at))  \(check.outcome.title[context.language])\(found)  #\(check.seq) \(check.by.terminalSafe)")
            }
            for change in item.custody {
                let when = times.minute(change.at)
                let from = change.from.map { "\($0.terminalSafe) → " } ?? context.text("登记 → ", "registered → ")
                let why = change.reason.map { context.text("（\($0.terminalSafe)）", " (\($0.terminalSafe))") } ?? ""
                print("    \(when)  \(from)\(change.to.terminalSafe)\(why)  #\(change.seq) \(change.by.terminalSafe)")
            }
        }
        if !evidence.isEmpty {
            print(context.text("（时间均为 \(times.label)）", "(times are \(times.label))"))
        }
    }
}
