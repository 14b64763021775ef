import EntenteImporting
import EntenteKit
import EntenteModel
import EntenteServing
import EntenteSupport

/// The entry point: sets up malloc while the main thread is the only one, then runs the command.
@main
enum Main {
    static func main() async {
        // The arena setting must be made before a second thread allocates, so before the arguments are parsed;
        // `serve` is always the first argument of the preview (the root command has no options of its own).
        if CommandLine.arguments.dropFirst().first == ServeCommand.configuration.commandName {
            FreedMemory.useOneArena()
        }
        FreedMemory.mapLargeBlocks()
        await Entente.main()
    }
}
