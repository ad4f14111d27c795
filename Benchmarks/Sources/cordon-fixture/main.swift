import CordonCore
import CordonFixtures
import CordonStore
import Foundation

// Writes a seeded incident through the real store and prints its id as the last line:
//     cordon-fixture --home DIR --events 100000 [--seed 2026] [--playbook playbooks/pi-leak.yaml]

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
    guard name.hasPrefix("--"), let value = arguments.popFirst() else {
        FileHandle.standardError.write(Data("usage: cordon-fixture --home DIR --events N [--seed S] [--playbook PATH]\n".utf8))
        exit(64)
    }
    options[String(name.dropFirst(2))] = value
}
guard let home = options["home"], let events = options["events"].flatMap(Int.init) else {
    FileHandle.standardError.write(Data("usage: cordon-fixture --home DIR --events N [--seed S] [--playbook PATH]\n".utf8))
    exit(64)
}
let playbookPath = options["playbook"] ?? FixtureHome.repository + "/playbooks/pi-leak.yaml"
do {
    let playbook = try PlaybookLoader.load(path: playbookPath)
    let fixture = IncidentFixture(events: events, seed: options["seed"].flatMap(UInt64.init) ?? 2026)
    let session = try fixture.write(to: IncidentStore(home: Home(root: home)), playbook: playbook)
    print(session.id)
} catch {
    FileHandle.standardError.write(Data("cordon-fixture: \(error)\n".utf8))
    exit(1)
}
