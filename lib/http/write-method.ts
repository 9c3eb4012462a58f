/** Whether a request by this method may change something: any method but GET and HEAD. */
export function isWriteMethod(method: string | undefined): boolean {
  return method !== "GET" && method !== "HEAD";
}
