/** The three streams the CLI talks through; tests pass their own. */
export interface CliStreams {
  readonly stdin: NodeJS.ReadStream;
  readonly stderr: NodeJS.WriteStream;
  readonly stdout: NodeJS.WriteStream;
}
