import { RtpDriver } from '../main/terminal/driver';
import { openSerialPort } from '../main/terminal/port/serial-byte-port';

/** Opens the port, says ENQ, runs `work` with the driver, and always closes the port. */
export async function withTerminal<T>(path: string, baudRate: number, work: (driver: RtpDriver) => Promise<T>): Promise<T> {
  const port = await openSerialPort(path, { baudRate });
  const driver = new RtpDriver(port, { baudRate });
  try {
    await driver.open();
    return await work(driver);
  } finally {
    await driver.release().catch(() => undefined);
    await port.close().catch(() => undefined);
  }
}
