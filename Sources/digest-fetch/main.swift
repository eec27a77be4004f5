import DigestFetch
import Foundation

let status = await DigestFetchCommand().run(arguments: Array(CommandLine.arguments.dropFirst()))
exit(status)
