package org.fcredirect.flow.api;

import java.util.List;
import java.util.Optional;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;

/**
 * The ports logged in per VSAN (pWWN to FCID), as the fabric name server holds them. A flow turns
 * from PENDING to its decided state when both its ends are logged in, and back to PENDING when one
 * logs out. Every change method returns once the change is durable.
 */
public interface LoginTable {

    /**
     * Logs a port in. A port already logged in with another FCID moves to the new one (a fabric
     * re-login); the same FCID again changes nothing.
     *
     * @throws ValidationException when the FCID is not an N_Port address, or another port or an
     *         appliance's virtual port holds it in the VSAN
     */
    void login(VsanId vsan, Wwn pwwn, FcId fcid);

    /** Logs several ports in as one change: one refused login refuses them all. */
    void loginAll(List<PortLogin> logins);

    /** @throws NotFoundException when the port is not logged in to the VSAN */
    void logout(VsanId vsan, Wwn pwwn);

    Optional<FcId> fcidOf(VsanId vsan, Wwn pwwn);

    Optional<Wwn> pwwnOf(VsanId vsan, FcId fcid);

    /** The logins of a VSAN, by FCID. */
    List<PortLogin> logins(VsanId vsan);

    /** Every login, by VSAN then FCID. */
    List<PortLogin> logins();

    int loginCount();
}
