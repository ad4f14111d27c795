import ArgumentParser
import CordonCore
import CordonStore
import Foundation

enum CordonCLI {
    /// Runs a command body and turns Cordon's own failures into one line on stderr and an exit
    /// code: 2 when the incident's rules refuse, 3 for a problem on disk or in a file (or a
    /// template that cannot be rendered, or output cut off by a full disk). A check that
    /// does not pass (`verify`, `playbooks validate`) exits 1 after printing its report.
    static func run(_ options: GlobalOptions, _ body: (Context) throws -> Void) throws {
        let context = Context(options)
        do {
            _ = try TextLimits.name(options.actor, field: LocalizedText(zh: "--actor 给出的姓名", en: "the --actor name"))
            try body(context)
            checkOutput(context)
        } catch let exit as ExitCode {
            checkOutput(context)
            throw exit
        } catch let refusal as Refusal {
            fail(context, code: refusal.code, message: refusal.message, exit: 2)
        } catch let error as StoreError {
            fail(context, code: error.code, message: error.message, exit: 3)
        } catch let error as DocumentError {
            fail(context, code: "bad-document", message: LocalizedText(zh: error.text(.zh), en: error.description), exit: 3)
        } catch let error as any LocalizedFailure {
            fail(context, code: error.code, message: error.message, exit: 3)
        }
    }

    /// Exits 3 when what the command printed did not all reach standard output.
    private static func checkOutput(_ context: Context) {
        if let failure = StandardOutput.flush() { fail(context, code: "output-failed", message: failure, exit: 3) }
    }

    private static func fail(_ context: Context, code: String, message: LocalizedText, exit status: Int32) -> Never {
        let line: String
        if context.options.json {
            line = JSONWriter.string(.object(["error": .string(code), "message": .string(message[context.language])]))
        } else {
            line = "cordon: " + message[context.language].terminalSafe
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
        Foundation.exit(status)
    }
}
