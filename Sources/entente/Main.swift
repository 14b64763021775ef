import EntenteImporting
import EntenteKit
import EntenteModel
import EntenteServing
import EntenteSupport

/// The entry point: sets up malloc while the main thread is the only one, then runs the command.
@main
enum Main {
    static func main() async {
        FreedMemory.useOneArena()
        FreedMemory.mapLargeBlocks()
        await Entente.main()
    }
}
