import type { MouseEvent } from 'react';
import type { EmergencyNumber } from '../../shared/api.js';
import { PhoneIcon } from './icons.js';
import { callNumber, inZalo, telHref } from './zalo.js';

/**
 * One big button per number, as the server sent them (never a number of our own). Each is a
 * real tel: link, so it works even where the SDK does not; inside Zalo the tap goes through
 * Zalo's openPhone instead, which is how a Mini App is allowed to start a call.
 */
export function CallButtons({ numbers }: { numbers: EmergencyNumber[] }) {
  const onTap = (e: MouseEvent<HTMLAnchorElement>, n: EmergencyNumber) => {
    if (!inZalo()) return;
    e.preventDefault();
    void callNumber(n.number);
  };
  return (
    <ul className="hl-calls">
      {numbers.map((n) => (
        <li key={`${n.label}-${n.number}`}>
          <a className="hl-call" href={telHref(n.number)} onClick={(e) => onTap(e, n)} data-testid="call" data-number={n.number}>
            <span className="hl-call-icon">
              <PhoneIcon />
            </span>
            <span className="hl-call-text">
              <strong>Gọi {n.number}</strong>
              <small>{n.label}</small>
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
