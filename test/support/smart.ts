import type { TestApp } from './app.ts';
import { AREAS, SITES } from './fixture.ts';

/**
 * The shop-floor monitoring tests' sensors: an arsine detector on a K7 line (high 25 ppb, high-high 50, deadband 2,
 * on and off delays of 10 s) recorded by the K7 officer, an oxygen sensor in the TC bulk gas yard (low 19.5%)
 * recorded by the SPIL officer, and an API token of the K7 officer for a gateway at K7.
 */
export async function setUpSensors(t: TestApp, gatewayName: string) {
  const officer = await t.signInAs('k7Officer');
  const gas = await officer.post('/api/smart/sensors', {
    siteId: SITES.K7.id,
    areaId: AREAS.K7_B1_F3_L2.id,
    tag: 'K7-GAS-01',
    name: 'Arsine at gas cabinet 3',
    kind: 'toxic_gas',
    unit: 'ppb',
    limitH: 25,
    limitHH: 50,
    deadband: 2,
    onDelaySeconds: 10,
    offDelaySeconds: 10,
  });
  if (gas.status !== 201) throw new Error(`The arsine sensor was refused: ${JSON.stringify(gas.body)}`);
  const spil = await t.signInAs('spilOfficer');
  const oxygen = await spil.post('/api/smart/sensors', {
    siteId: SITES.TC.id,
    tag: 'TC-O2-01',
    name: 'Oxygen in the bulk gas yard',
    kind: 'oxygen',
    unit: '%',
    limitL: 19.5,
  });
  if (oxygen.status !== 201) throw new Error(`The oxygen sensor was refused: ${JSON.stringify(oxygen.body)}`);
  const token = await officer.post('/api/auth/tokens', { name: gatewayName });
  if (token.status !== 201) throw new Error(`The gateway token was refused: ${JSON.stringify(token.body)}`);
  return {
    officer,
    gasId: gas.body.id as string,
    tcSensorId: oxygen.body.id as string,
    token: token.body.token as string,
  };
}
