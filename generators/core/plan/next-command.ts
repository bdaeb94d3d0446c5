/** The command a user runs next; it must work as printed, so it mirrors what the plan exposes. */
export function nextCommand(imageName: string, port?: number): string {
  const publish = port === undefined ? '' : ` -p ${port}:${port}`;
  return `docker build -t ${imageName} . && docker run --rm${publish} ${imageName}`;
}
