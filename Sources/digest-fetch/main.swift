import DigestFetch
import Foundation

let status = await FetchCommand().run(arguments: Array(CommandLine.arguments.dropFirst()))
exit(status)
