import SalamaModel
import SalamaXML
do {
    let c = try ChecklistLoader.load(path: CommandLine.arguments[1])
    print(c.value.id, c.value.requirements.count)
} catch {
    print(error)
}
