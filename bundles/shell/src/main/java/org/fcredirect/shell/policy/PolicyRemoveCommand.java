package org.fcredirect.shell.policy;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fcredirect.policy.api.PolicyService;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "policy-remove", description = "Removes a policy; the flows it decided are evaluated again")
public class PolicyRemoveCommand implements Action {

    @Argument(index = 0, name = "name", required = true, description = "Policy name")
    @Completion(PolicyCompleter.class)
    String name;

    @Reference(optional = true)
    PolicyService policies;

    @Override
    public Object execute() {
        Services.require(policies, "policy engine", "fcr-policy");
        policies.remove(name);
        System.out.println("policy " + name + " removed");
        return null;
    }
}
