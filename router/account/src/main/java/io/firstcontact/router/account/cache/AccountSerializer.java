package io.firstcontact.router.account.cache;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import io.firstcontact.router.account.AccountJson;
import io.firstcontact.router.api.account.Account;
import java.io.IOException;

/**
 * An account in the cache, as the JSON of docs/back-office.md: the same form the back office sends, so members of
 * different versions read each other's entries as long as that format holds, and every read is validated by the
 * records as they are built.
 */
final class AccountSerializer implements StreamSerializer<Account> {
    /** Hazelcast's id for this serializer; unique among the cluster's custom serializers. */
    static final int TYPE_ID = 2_201;

    @Override
    public int getTypeId() {
        return TYPE_ID;
    }

    @Override
    public void write(ObjectDataOutput out, Account account) throws IOException {
        out.writeByteArray(AccountJson.write(account));
    }

    @Override
    public Account read(ObjectDataInput in) throws IOException {
        return AccountJson.readAccount(in.readByteArray());
    }
}
