/**
 * The Zalo client, played in the page for the Mini App's browser tests. No Zalo app runs here,
 * so an init script installs a small stand-in for the native bridge the SDK calls
 * (window.ZaloJavaScriptInterface.jsCall, answered through window.onNativeMessage as the
 * Android client does). It records every call and answers like a real client would: a login
 * "jump" with an app-scoped user id, success for everything else (her "yes" to Zalo's notification
 * prompt too, unless refuseNotification: then Zalo's "user denied"). The real zmp-sdk runs on it.
 */

export const APP_ID = '4318657068771012646';

export const ANDROID_ZALO_UA =
  'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36 Zalo android/12100629 ZaloTheme/light ZaloLanguage/vi';

/** The stand-in for the Zalo client's native bridge (see the file comment). Runs in the page. */
export function fakeZaloClient({ appId, userId, refuseNotification = false }: { appId: string; userId: string; refuseNotification?: boolean }) {
  type Call = { action: string; params: unknown };
  const w = window as unknown as Record<string, unknown> & { __zaloCalls: Call[] };
  w.APP_ID = appId;
  w.__zaloCalls = [];
  w.ZJSBridge = {};
  w.ZaloJavaScriptInterface = {
    jsCall(_jsToken: string, action: string, _accessToken: string, params: string, callback: unknown) {
      let parsed: unknown = params;
      try {
        parsed = JSON.parse(params);
      } catch {
        // Keep the raw string.
      }
      w.__zaloCalls.push({ action, params: parsed });
      const data =
        action === 'action.jump.login'
          ? {
              miniProgramConfig: { userId },
              cookiesOAuthLogins: [
                { name: 'h5.zdn.vn_zlink3rd', value: 'fake-js-token' },
                { name: 'h5.zdn.vn_zoauth', value: 'fake-oauth' },
              ],
            }
          : {};
      const refused = refuseNotification && /NOTIFICATION/i.test(action);
      const result = JSON.stringify(
        refused ? { error_code: -1, error_message: 'User denied', data: {}, action } : { error_code: 0, error_message: '', data, action },
      );
      // iOS hands the SDK's callback over as a function, Android as 'window.onNativeMessage("id", "action")'.
      setTimeout(() => {
        if (typeof callback === 'function') {
          (callback as (r: string) => void)(result);
          return;
        }
        const m = /onNativeMessage\("([^"]*)",\s*"([^"]*)"\)/.exec(String(callback));
        const reply = m && (w.onNativeMessage as ((id: string, a: string) => (r: string) => void) | undefined);
        if (m && reply) reply(m[1]!, m[2]!)(result);
      }, 5);
    },
    jsH5EventCallback() {},
  };
}
