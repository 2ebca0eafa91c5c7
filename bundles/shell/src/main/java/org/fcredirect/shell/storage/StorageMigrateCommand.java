package org.fcredirect.shell.storage;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.fcredirect.shell.Services;
import org.fcredirect.storage.api.HistoryImport;
import org.fcredirect.storage.api.HistoryImportResult;

@Service
@Command(scope = "fcr", name = "storage-migrate",
        description = "Copies a stopped node's file event log into this node's empty Kafka history, once, so the flows,"
                + " policies and settings move to the fabric")
public class StorageMigrateCommand implements Action {

    @Argument(index = 0, name = "directory", required = true,
            description = "Absolute path of the file log's directory: the stopped node's data/fcr/eventlog")
    @Completion(FileCompleter.class)
    String directory;

    @Reference(optional = true)
    HistoryImport historyImport;

    @Override
    public Object execute() {
        HistoryImport target = Services.require(historyImport, "history import of the Kafka event log",
                "fcr-storage-kafka");
        HistoryImportResult result = target.importHistory(directory, line -> {
            System.out.println(line);
            System.out.flush();
        });
        System.out.println("Migrated: " + result);
        return null;
    }
}
