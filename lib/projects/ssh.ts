import { isIP } from "node:net";
import { env } from "@/lib/env";

// "Connect via SSH" shows the command that opens a shell in an application's container through
// the organization's SSH gateway. The shape is fixed and documented:
//
//   ssh -p <port> <application id>@<gateway host>
//
// The login names the application (its id never changes, unlike its name); the gateway would
// authenticate the person by the SSH key of their account and check application.ssh again. This
// console ships no gateway: the command is what one built on this contract would accept.

export const defaultSshPort = 2222;

export type SshGateway = { host: string; port: number };

/**
 * SSH_GATEWAY_HOST (host or host:port), else `ssh.` + APP_URL's host name (an IP address as it is),
 * else ssh.localhost; the port defaults to 2222.
 */
export function sshGateway(config: { SSH_GATEWAY_HOST?: string; APP_URL?: string } = env): SshGateway {
  if (config.SSH_GATEWAY_HOST) {
    const [host, port] = config.SSH_GATEWAY_HOST.split(":");
    return { host, port: port ? Number(port) : defaultSshPort };
  }
  const appHost = config.APP_URL ? new URL(config.APP_URL).hostname.replace(/^\[|\]$/g, "") : "localhost";
  return { host: isIP(appHost) ? appHost : `ssh.${appHost}`, port: defaultSshPort };
}

/** The command a person runs to open a shell in the application. */
export function sshCommand(applicationId: string, gateway: SshGateway = sshGateway()): string {
  const login = `${applicationId}@${gateway.host}`;
  return gateway.port === 22 ? `ssh ${login}` : `ssh -p ${gateway.port} ${login}`;
}
